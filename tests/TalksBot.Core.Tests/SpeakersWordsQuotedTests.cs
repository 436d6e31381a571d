using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>
/// "What did Berg call the exhibition?": of the sentences about the exhibition, the one giving Berg's words is quoted,
/// though the others hold more of the question's words; a verb with a verdict in it ("hailed … as") gives words too.
/// </summary>
public sealed class SpeakersWordsQuotedTests
{
    private static readonly string[] AboutTheExhibition =
    [
        "The Granvik exhibition of captured tanks and armour, organised by the defence ministry, features more than 30 captured tanks.",
        "The exhibition of captured armour, which will stay open for a month in Granvik, also shows captured tanks and rifles.",
        "An exhibition of captured tanks and armour opened in Granvik on Wednesday, drawing long queues of visitors.",
    ];

    private static Answer Answer(string question, params string[] sentences)
    {
        var names = new HashSet<string> { TextAnalyzer.Default.Term("Berg")!, TextAnalyzer.Default.Term("Granvik")! };
        return OnePassageAnswer.Write(question, "Trophies on show", sentences, names: names);
    }

    [Fact]
    public void The_sentence_giving_the_speakers_words_is_quoted_among_three_about_the_thing()
    {
        var answer = Answer("What did Berg call the Granvik exhibition of captured tanks and armour?",
            [.. AboutTheExhibition, "The president's spokesman, Lars Berg, hailed the exhibition as a \u201cbrilliant idea\u201d."]);
        Assert.Contains("brilliant idea", answer.Text);
    }

    [Fact]
    public void Words_of_someone_else_are_not_preferred_for_it()
    {
        var answer = Answer("What did Berg call the Granvik exhibition of captured tanks and armour?",
            [.. AboutTheExhibition, "A visiting critic, Anna Lind, hailed the exhibition as a \u201cbrilliant idea\u201d."]);
        Assert.DoesNotContain("brilliant idea", answer.Text);
    }
}
