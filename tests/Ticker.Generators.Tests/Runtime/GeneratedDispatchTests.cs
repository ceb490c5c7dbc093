using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Ticker.Generators.Tests.Runtime;

/// <summary>The generated invokers of this project's own functions, run through the runtime's function table.</summary>
public sealed class GeneratedDispatchTests
{
    private static readonly TickerFunctionTable s_table = new(TickerFunctionRegistry.Registered);

    [Fact]
    public async Task A_static_function_runs_with_the_decoded_request()
    {
        var request = new GreetingRequest("Ada-" + Guid.NewGuid(), 2);

        await InvokeAsync(TickerFunctions.Tests_StaticGreet.Name, TickerFunctions.Tests_StaticGreet.Encode(request));

        Assert.Contains(request, StaticGreetings.Received);
    }

    [Fact]
    public async Task An_instance_function_is_built_from_the_run_services_and_disposed_after()
    {
        var log = new GreetingLog();
        var disposedBefore = InstanceGreetings.Disposed;
        var request = new GreetingRequest("Grace", 2);

        await InvokeAsync(
            TickerFunctions.Tests_InstanceGreet.Name,
            TickerFunctions.Tests_InstanceGreet.Encode(request),
            services => services.AddSingleton<IGreetingLog>(log));

        Assert.Equal(["Hello Grace (Tests.InstanceGreet)", "Hello Grace (Tests.InstanceGreet)"], log.Lines);
        Assert.True(InstanceGreetings.Disposed > disposedBefore);
    }

    [Fact]
    public async Task A_missing_service_is_a_clear_error()
    {
        var request = TickerFunctions.Tests_InstanceGreet.Encode(new GreetingRequest("Nobody", 1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => InvokeAsync(TickerFunctions.Tests_InstanceGreet.Name, request));

        Assert.Contains(typeof(IGreetingLog).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("Tests.InstanceGreet", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Name\":")]
    [InlineData("{\"Name\":\"x\",\"Times\":\"many\"}")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_corrupt_request_fails_without_calling_the_function(string json)
    {
        var log = new GreetingLog();

        await Assert.ThrowsAsync<TickerRequestException>(() => InvokeAsync(
            TickerFunctions.Tests_InstanceGreet.Name,
            Encoding.UTF8.GetBytes(json),
            services => services.AddSingleton<IGreetingLog>(log)));

        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task A_request_the_generated_codec_cannot_handle_is_served_by_the_project_JsonSerializerContext()
    {
        var kind = "k" + Guid.NewGuid().ToString("N");
        var request = TickerFunctions.Tests_ContextBacked.Encode(new ContextBackedRequest
        {
            Kind = kind,
            Payload = System.Text.Json.JsonDocument.Parse("{\"a\":[1,2]}").RootElement,
        });

        await InvokeAsync(TickerFunctions.Tests_ContextBacked.Name, request);

        Assert.Contains(kind + ":{\"a\":[1,2]}", ContextBackedFunctions.Received);
    }

    [Fact]
    public void The_descriptor_carries_the_attribute_settings_and_request_type()
    {
        Assert.True(s_table.TryGet(TickerFunctions.Tests_InstanceGreet.Name, out var descriptor));

        Assert.Equal(TickerPriority.High, descriptor.Priority);
        Assert.Equal(typeof(GreetingRequest), descriptor.RequestType);
    }

    [Fact]
    public void CreateTickerRequest_is_served_by_the_generated_codec()
    {
        var request = new GreetingRequest("Linus", 3);

        var bytes = TickerHelper.CreateTickerRequest(request);

        Assert.Equal("{\"Name\":\"Linus\",\"Times\":3}", Encoding.UTF8.GetString(bytes));
        Assert.Equal(request, TickerHelper.ReadTickerRequest<GreetingRequest>(bytes));
    }

    [Fact]
    public void The_typed_helper_creates_a_ticker_for_the_function()
    {
        var due = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var ticker = TickerFunctions.Tests_StaticGreet.Create(new GreetingRequest("Ken", 1), due);

        Assert.Equal("Tests.StaticGreet", ticker.Function);
        Assert.Equal(due, ticker.ExecutionTime);
        Assert.Equal(new GreetingRequest("Ken", 1), TickerHelper.ReadTickerRequest<GreetingRequest>(ticker.Request));
    }

    private static async Task InvokeAsync(string name, byte[] request, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        Assert.True(s_table.TryGet(name, out var descriptor), $"Function {name} is not registered.");
        var context = new TickerFunctionContext(
            Guid.NewGuid(), name, 0, DateTime.UtcNow, request, scope.ServiceProvider, CancellationToken.None);

        await descriptor.Invoke(context, CancellationToken.None);
    }
}
