using TalksBot.Core.Answering;

namespace TalksBot.Core.Retrieval;

/// <summary>A question reduced to what retrieval needs: its distinct index terms and whether it asks for the latest news.</summary>
public sealed record QueryAnalysis(string Question, IReadOnlyList<string> Terms, bool WantsRecent)
{
    /// <summary>The question's content words in order, with what their spelling says (capitalised, possessive, hyphenated).</summary>
    public IReadOnlyList<QuestionWord> Words { get; init; } = [];

    /// <summary>
    /// "Who is the NATO secretary general?": a question about who holds a role now, answered by the newer reports
    /// (the holder changes; the article from 2022 names the one before).
    /// </summary>
    public bool AsksCurrentHolder { get; init; }

    /// <summary>Terms that name a place or country (places.txt); several words for a name like "abu dhabi".</summary>
    public IReadOnlyList<IReadOnlyList<string>> PlaceTerms { get; init; } = [];

    /// <summary>Terms that name a news outlet (outlets.txt), written as a name: who tells it, not what is told.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OutletTerms { get; init; } = [];

    /// <summary>Terms from the paraphrase table related to each question term, and concepts a phrase of the question stands for.</summary>
    public IReadOnlyList<RelatedTerms> Paraphrases { get; init; } = [];

    /// <summary>
    /// What the question asks for (<see cref="AnswerCandidates.TypeOf"/>), read once: the grounding checks and the
    /// answer each ask, and reading it runs the question's regular expressions.
    /// </summary>
    public QuestionType Type
    {
        get
        {
            // Kept with the question it was read from, so a copy made with another question reads its own.
            if (_type is not { } known || !ReferenceEquals(known.Question, Question)) _type = known = (Question, AnswerCandidates.TypeOf(Question));
            return known.Type;
        }
    }

    private (string Question, QuestionType Type)? _type;
}
