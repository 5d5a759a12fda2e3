global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
