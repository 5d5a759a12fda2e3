using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsApi.Api.Infrastructure;

/// <summary>The problem responses endpoints return, worded the same way everywhere.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.",
            detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    public static ProblemHttpResult NotFound(string what, long id) => NotFound($"There is no {what} with id {id}.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
