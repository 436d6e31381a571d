using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Indexing;
using TalksBot.Llm;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>The one composition root: order-free registration, every section validated at start, the index under each role.</summary>
public class CompositionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_model_adapter_writes_the_answers_whether_registered_before_or_after_core(bool coreFirst)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Model"] = "m",
            ["Llm:PromptsPath"] = Path.Combine(SharedData.RepositoryRoot, "prompts"),
        }).Build();
        var services = new ServiceCollection();
        if (coreFirst) services.AddTalksBotCore();
        services.AddTalksBotLlm(configuration);
        if (!coreFirst) services.AddTalksBotCore();

        using var sp = services.BuildServiceProvider();

        Assert.IsType<LlmAnswerWriter>(sp.GetRequiredService<IAnswerWriter>());
        // Core adds no writer of its own that could shadow the adapter's, in either order.
        Assert.Single(services, d => d.ServiceType == typeof(IAnswerWriter));
    }

    [Fact]
    public void Without_a_model_the_extractive_writer_answers()
    {
        using var sp = ComposedServices.Build([("Index:DatabasePath", Path.Combine(Path.GetTempPath(), "unused.db"))]);
        Assert.Null(sp.GetService<IAnswerWriter>());
        Assert.NotNull(sp.GetRequiredService<QuestionAnswerer>());
    }

    [Theory]
    [InlineData("Retrieval:MinCoverage", "5", "MinCoverage")]
    [InlineData("Chat:QuestionsPerMinute", "0", "QuestionsPerMinute")]
    [InlineData("Index:RefreshInterval", "8.00:00:00", "RefreshInterval")]
    [InlineData("Host:ModelCheckSeconds", "1", "ModelCheckSeconds")]
    [InlineData("Embeddings:BatchSize", "0", "BatchSize")]
    public void Every_section_is_validated_at_start(string key, string value, string named)
    {
        // What decides registration (Embeddings:Provider) is checked while composing; the rest when the host starts.
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            using var sp = ComposedServices.Build([(key, value)]);
            sp.GetRequiredService<IStartupValidator>().Validate();
        });

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_index_is_one_instance_under_each_role()
    {
        using var sp = ComposedServices.Build([("Index:DatabasePath", Path.Combine(Path.GetTempPath(), "unused.db"))]);
        var index = sp.GetRequiredService<IArticleIndex>();

        Assert.Same(index, sp.GetRequiredService<IPassageSearch>());
        Assert.Same(index, sp.GetRequiredService<ISourceRegistry>());
        Assert.Same(index, sp.GetRequiredService<IIndexStore>());
    }
}
