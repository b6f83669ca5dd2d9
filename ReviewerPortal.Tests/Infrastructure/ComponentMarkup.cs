using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>Renders a component to HTML with the framework's <see cref="HtmlRenderer"/> (bunit is not available here).</summary>
public static class ComponentMarkup
{
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, Action<IServiceCollection>? services = null)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services?.Invoke(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
