using Ticker;
using Ticker.WebApi;

// A web API that schedules jobs from its endpoints, as the reference page's "Schedule Job After User Action" does
// from a controller. Minimal APIs and source-generated JSON keep it ready for Native AOT.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default));
var databasePath = builder.Configuration["Ticker:SqlitePath"] ?? Path.Combine(Path.GetTempPath(), "ticker-webapi.db");
builder.Services.AddTicker(builder.Configuration.GetSection("Ticker")).UseSqliteStore(databasePath);
builder.Services.AddSingleton<UserDirectory>();

var app = builder.Build();
app.MapPost("/users", Endpoints.RegisterUserAsync);
app.MapGet("/tickers/{id:guid}", Endpoints.GetTickerAsync);
app.MapPut("/tickers/{id:guid}/execution-time", Endpoints.RescheduleAsync);
app.Run();
