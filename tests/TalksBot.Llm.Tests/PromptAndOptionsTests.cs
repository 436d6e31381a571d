using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Prompts;
using TalksBot.Testing;

namespace TalksBot.Llm.Tests;

public class PromptAndOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("talksbot-prompts-").FullName;

    public PromptAndOptionsTests()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "prompts"), "*.md")) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_shipped_prompts_load()
    {
        var set = PromptFiles.Load(_dir);
        Assert.Contains("passages", set.Answer.Placeholders);
    }

    [Fact]
    public void A_missing_prompt_file_is_named()
    {
        File.Delete(Path.Combine(_dir, "rewrite.md"));
        var ex = Assert.Throws<PromptException>(() => PromptFiles.Load(_dir));
        Assert.Contains("rewrite.md", ex.Message);
    }

    [Theory]
    [InlineData("answer.md", "Question: {{questoin}}\n{{passages}}", "unknown placeholder")]
    [InlineData("answer.md", "Question: {{question}} only", "{{passages}}")]
    [InlineData("system.md", "   ", "empty")]
    [InlineData("rewrite.md", "{{question}} {{conversation}} {{ broken", "does not form a placeholder")]
    public void A_malformed_prompt_file_stops_the_start_naming_the_file(string file, string text, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, file), text);
        var ex = Assert.Throws<PromptException>(() => PromptFiles.Load(_dir));
        Assert.Contains(file, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Rendering_does_not_expand_placeholders_inside_values()
    {
        var t = PromptTemplate.Parse("t", "Q: {{question}} P: {{passages}}", ["question", "passages"], ["question"]);
        Assert.Equal("Q: {{passages}} P: x", t.Render(new Dictionary<string, string> { ["question"] = "{{passages}}", ["passages"] = "x" }));
    }

    [Fact]
    public void No_endpoint_registers_no_model_and_an_endpoint_without_a_model_is_refused()
    {
        var none = new ServiceCollection().AddTalksBotLlm(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Null(none.GetService<Microsoft.Extensions.AI.IChatClient>());

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Endpoint"] = "http://127.0.0.1:9/v1" }).Build();
        var ex = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddTalksBotLlm(config));
        Assert.Contains("Llm:Model", ex.Message);
    }
}
