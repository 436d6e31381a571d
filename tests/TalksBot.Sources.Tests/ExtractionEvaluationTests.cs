using TalksBot.Sources.Html;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Sources.Tests;

public class ExtractionEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Extraction_quality_on_the_readability_news_pages()
    {
        var report = ExtractionEvaluation.Run(SharedData.PathTo("corpora", "readability"));
        foreach (var p in report.Pages)
            output.WriteLine($"{p.Name,-28} {p.Kind,-22} F1 {p.F1:0.000}  title {(p.TitleExact ? "ok " : "MISS")} date {(p.DateFound is null ? "-" : p.DateFound.Value ? "ok" : "MISS")}  [{p.Title}] vs [{p.ExpectedTitle}]");
        output.WriteLine($"news pages {report.Articles.Count}: mean F1 {report.MeanF1:0.000}, title exact {report.TitleExactRate:P0}, dates {report.DatesFound}/{report.DatesExpected}");
        Assert.True(report.Articles.Count >= 40);
        Assert.True(report.MeanF1 >= 0.90, $"mean F1 {report.MeanF1:0.000}");
        Assert.True(report.TitleExactRate >= 0.90, $"title exact {report.TitleExactRate:P0}");
        Assert.Equal(report.DatesExpected, report.DatesFound);
    }
}
