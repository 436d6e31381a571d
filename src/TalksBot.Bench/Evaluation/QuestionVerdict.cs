namespace TalksBot.Evaluation;

/// <summary>How one answer fared: passed or not, why not, what it cited, and how its quotes checked out.</summary>
/// <param name="CitedArticles">The cited documents, relative to the shared data folder where possible.</param>
/// <param name="Quotes">Extractive quotes checked (text before a marker).</param>
/// <param name="QuotesVerbatim">Of those, found verbatim in a passage they cite.</param>
public sealed record QuestionVerdict(
    EvaluationQuestion Question,
    bool Passed,
    IReadOnlyList<string> Reasons,
    string AnswerText,
    bool Grounded,
    IReadOnlyList<string> CitedArticles,
    int Quotes,
    int QuotesVerbatim,
    double Milliseconds,
    TalksBot.Core.Answering.AnswerMode Mode = TalksBot.Core.Answering.AnswerMode.Extractive)
{
    public bool AllQuotesVerbatim => Quotes == QuotesVerbatim;
}
