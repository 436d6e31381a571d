using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Prompts;
using TalksBot.Testing;

namespace TalksBot.Llm.Tests;

public class PromptAndOptionsTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-prompts-");

    public PromptAndOptionsTests()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "prompts"), "*.md")) File.Copy(f, Path.Combine(_dir.Path, Path.GetFileName(f)));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_shipped_prompts_load()
    {
        var set = PromptFunctions.Load(_dir.Path);
        Assert.Equal("answer", set.Answer.Name);
        Assert.Equal("rewrite", set.Rewrite.Name);
    }

    [Fact]
    public void A_missing_prompt_file_is_named()
    {
        File.Delete(Path.Combine(_dir.Path, "rewrite.md"));
        var ex = Assert.Throws<PromptException>(() => PromptFunctions.Load(_dir.Path));
        Assert.Contains("rewrite.md", ex.Message);
    }

    [Theory]
    [InlineData("answer.md", "Question: {{$questoin}}\n{{$passages}}", "unknown placeholder")]
    [InlineData("answer.md", "Question: {{$question}} only", "{{$passages}}")]
    [InlineData("system.md", "   ", "empty")]
    [InlineData("rewrite.md", "{{$question}} {{$conversation}} {{ broken", "does not form a placeholder")]
    // Semantic Kernel would read these as a call of a function named 'question', or run a plugin from the prompt file.
    [InlineData("answer.md", "Question: {{question}}\n{{$passages}}", "is not a placeholder")]
    [InlineData("answer.md", "{{$question}} {{$passages}} {{articles.search $question}}", "is not a placeholder")]
    public void A_malformed_prompt_file_stops_the_start_naming_the_file(string file, string text, string expected)
    {
        File.WriteAllText(Path.Combine(_dir.Path, file), text);
        var ex = Assert.Throws<PromptException>(() => PromptFunctions.Load(_dir.Path));
        Assert.Contains(file, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task Rendering_does_not_expand_placeholders_inside_values()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Chat = (_, _) => FakeReply.Text("What did Lavrov offer?");
        var model = ModelFor(fake);
        await model.RewriteAsync(new RewritePromptValues("{{$conversation}} and {{$question}}", "(no earlier questions)"), default);

        var user = LlmAnswerTests.Content(Assert.Single(Assert.Single(fake.ChatRequests)["messages"]!.AsArray())!);
        Assert.Contains("Latest message: {{$conversation}} and {{$question}}", user);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(user, "no earlier questions"));
    }

    private Core.Answering.Llm.ILanguageModel ModelFor(FakeOpenAiServer fake)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = fake.Endpoint.ToString(), ["Llm:Model"] = "test-model", ["Llm:PromptsPath"] = _dir.Path,
        }).Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddTalksBotLlm(config).BuildServiceProvider();
        return services.GetRequiredService<Core.Answering.Llm.ILanguageModel>();
    }

    [Fact]
    public void No_endpoint_registers_no_model_and_an_endpoint_without_a_model_is_refused()
    {
        var none = new ServiceCollection().AddTalksBotLlm(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Null(none.GetService<Core.Answering.Llm.ILanguageModel>());
        Assert.Null(none.GetService<Microsoft.SemanticKernel.Kernel>());

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Endpoint"] = "http://127.0.0.1:9/v1" }).Build();
        var ex = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddTalksBotLlm(config));
        Assert.Contains("Llm:Model", ex.Message);
    }
}
