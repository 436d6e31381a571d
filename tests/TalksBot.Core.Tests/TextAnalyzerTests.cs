using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

public class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;

    [Theory]
    [InlineData("Zelensky's", "Zelenskyy")]
    [InlineData("Zelenskiy", "ZELENSKY")]
    [InlineData("Kiev", "Kyiv")]
    [InlineData("Donbass", "Donbas")]
    [InlineData("Zaporozhye", "Zaporizhzhia")]
    [InlineData("negotiations", "negotiating")]
    [InlineData("preconditions", "precondition")]
    [InlineData("Russian", "Russia's")]
    [InlineData("Iranian", "Iran's")]
    [InlineData("German", "Germany")]
    [InlineData("Zełenski", "Zelensky")]
    [InlineData("Zelanski", "Zelensky")]
    [InlineData("Ławrow", "Lavrov")]
    [InlineData("Feb", "February")]
    [InlineData("Sept", "September")]
    [InlineData("Advisor", "adviser")]
    [InlineData("advisors", "adviser")]
    [InlineData("Pieskov", "Peskov")]
    [InlineData("Podolak", "Podolyak")]
    [InlineData("Dept", "department")]
    [InlineData("govt", "government")]
    [InlineData("spent", "spend")]
    [InlineData("paid", "pay")]
    [InlineData("African", "Africa")]
    [InlineData("Serbian", "Serbia")]
    [InlineData("Ławrowa", "Lavrov")]
    [InlineData("Zełenskiego", "Zelensky")]
    [InlineData("Pieskowowi", "Peskov")]
    public void Spellings_and_forms_of_one_name_meet_in_one_term(string a, string b)
    {
        Assert.Equal(_analyzer.Terms(a), _analyzer.Terms(b));
        Assert.Single(_analyzer.Terms(a));
    }

    [Theory]
    [InlineData("Thu", true)]
    [InlineData("Tues", true)]
    [InlineData("Fri", true)]
    [InlineData("Sun", false)]
    [InlineData("Sat", false)]
    public void A_weekday_written_short_is_a_calendar_word_unless_another_word_shares_it(string word, bool calendar) =>
        Assert.Equal(calendar, TextAnalyzer.IsCalendarWord(word));

    [Theory]
    [InlineData("Lukasha")]
    [InlineData("lawrowa")]
    public void A_case_ending_is_read_off_only_a_capitalised_name_the_variants_know(string word) =>
        Assert.NotEqual(_analyzer.Term("Lavrov"), _analyzer.Term(word));

    [Fact]
    public void A_name_written_out_is_followed_by_its_short_form()
    {
        Assert.Equal(["unit", "nation", "un", "vote"], _analyzer.Terms("the United Nations vote"));
        Assert.Equal(["unit", "nation", "secur", "council", "unsc"], _analyzer.Terms("United Nations Security Council"));
        Assert.Equal(["second", "world", "war", "wwii", "end"], _analyzer.Terms("the Second World War ended"));
        Assert.Equal(_analyzer.Terms("WWII"), _analyzer.Terms("WW2"));
        Assert.Contains(_analyzer.Term("US")!, _analyzer.Terms("the United States"));
        Assert.Contains(_analyzer.Term("MFA")!, _analyzer.Terms("Ukraine's Ministry of Foreign Affairs"));
        Assert.Contains(_analyzer.Term("RUSI")!, _analyzer.Terms("the Royal United Services Institute"));
        // Only a whole name: "united" alone, or the words apart, are no short form.
        Assert.Equal(["unit", "front"], _analyzer.Terms("a united front"));
        Assert.DoesNotContain("un", _analyzer.Terms("nations united"));
    }

    [Fact]
    public void A_role_typed_short_in_a_question_is_read_written_out()
    {
        var query = _analyzer.AnalyzeQuestion("What did Moscow's deputy FM say about the Polish PM?");
        Assert.Equal(_analyzer.AnalyzeQuestion("What did Moscow's deputy foreign minister say about the Polish prime minister?").Terms, query.Terms);
        Assert.Equal("What did Moscow's deputy FM say about the Polish PM?", query.Question);
        // A pronoun's contraction is no word of the question: "he'll" is not "hell", nor "she'll" a shell.
        Assert.Equal(_analyzer.AnalyzeQuestion("Will he run again, and will she stand?").Terms,
            _analyzer.AnalyzeQuestion("Will he run again, and she'll stand? he'll run?").Terms.Distinct());
        // Only in capitals: "3 pm" is a time.
        Assert.DoesNotContain(_analyzer.Term("prime")!, _analyzer.AnalyzeQuestion("What happened at 3 pm in Granvik?").Terms);
    }

    [Fact]
    public void What_people_type_around_a_question_in_chat_is_no_word_of_it()
    {
        Assert.Equal(_analyzer.AnalyzeQuestion("whose voice tells you the air alert is over?").Terms,
            _analyzer.AnalyzeQuestion("lol whose voice tells you the air alert is over? tbh idk").Terms);
    }

    [Fact]
    public void An_abbreviated_month_in_a_question_is_no_name()
    {
        var query = _analyzer.AnalyzeQuestion("What did Zelensky announce on Feb 4?");
        Assert.Contains(query.Words, w => w.Term == _analyzer.Term("February") && !w.Capitalized);
    }

    [Fact]
    public void Stop_words_and_punctuation_are_dropped_from_questions()
    {
        var query = _analyzer.AnalyzeQuestion("What are Zelensky's preconditions?");
        Assert.Equal(["zelenski", "precondit"], query.Terms);
        Assert.False(query.WantsRecent);
    }

    [Theory]
    [InlineData("What is the latest on the ceasefire?")]
    [InlineData("Any recent news from Geneva")]
    [InlineData("newest Kremlin position")]
    public void Questions_about_the_latest_news_are_flagged_and_the_recency_word_is_not_a_term(string question)
    {
        var query = _analyzer.AnalyzeQuestion(question);
        Assert.True(query.WantsRecent);
        Assert.DoesNotContain(query.Terms, t => t.StartsWith("latest") || t.StartsWith("recent") || t.StartsWith("newest"));
    }

    [Fact]
    public void The_capitalised_country_US_is_not_the_pronoun_us()
    {
        Assert.Equal(_analyzer.Terms("U.S."), _analyzer.Terms("US"));
        Assert.Equal(_analyzer.Terms("America"), _analyzer.Terms("US"));
        Assert.Empty(_analyzer.Terms("tell us"));
    }

    [Theory]
    [InlineData("Which ISW analyst argued in the New York Post that Russia is losing troops?", "new york post")]
    [InlineData("What reason did Zakharova give on Al Jazeera for the decision?", "al jazeera")]
    [InlineData("How many monuments will Latvia demolish, according to BelTA?", "belta")]
    [InlineData("What did the economist at the bank say about the guardian of the reserves?", null)]
    public void A_news_outlet_written_as_a_name_is_found(string question, string? outlet) =>
        Assert.Equal(outlet, TextAnalyzer.Default.AnalyzeQuestion(question).OutletTerms.Select(o => string.Join(' ', o)).SingleOrDefault());

    [Theory]
    [InlineData("How many MPs voted for Vucevic's new government?", "MPs")]
    [InlineData("What did Lukashenko say in a TV interview?", "TV")]
    [InlineData("How much is Warsaw demanding in Second World War reparations?", "Second")]
    [InlineData("How many soldiers did Prime Minister Boris Johnson say Britain could train?", "Minister")]
    [InlineData("What did Foreign Minister Sikorski say about Europe?", "Foreign")]
    // A name joined to a common word by a hyphen is a description.
    [InlineData("Which Kremlin-friendly TV journalist did Lavrov talk to?", "Kremlin")]
    [InlineData("How many Soviet-era monuments will Latvia demolish?", "Soviet")]
    [InlineData("When was the pro-Kremlin tycoon Medvedchuk detained?", "Kremlin")]
    [InlineData("How long could Russia keep its armies in the field in World War One?", "One")]
    [InlineData("What did Ayatollah Khamenei tell Putin about NATO?", "Ayatollah")]
    [InlineData("What did Vershinin tell the Security Council about the date the West had given?", "West")]
    public void A_capitalised_common_word_is_no_name(string question, string word)
    {
        var words = TextAnalyzer.Default.AnalyzeQuestion(question).Words;
        Assert.False(words.Single(w => w.Token == word).Capitalized);
        Assert.Contains(words, w => w.Capitalized);
    }

    [Fact]
    public void A_hyphen_to_a_stop_word_joins_no_compound_with_the_next_word()
    {
        // "blow-up with Trump": "up" is no term, so "blow" is not hyphen-joined to "Trump".
        var words = TextAnalyzer.Default.AnalyzeQuestion("After the Oval Office blow-up with Trump, who coached Zelensky?").Words;
        Assert.False(words.Single(w => w.Token == "blow").HyphenNext);
        Assert.True(TextAnalyzer.Default.AnalyzeQuestion("When did the Milan-Cortina games open?").Words.Single(w => w.Token == "Milan").HyphenNext);
    }

    [Theory]
    [InlineData("organisations", "organizations")]
    [InlineData("mobilised", "mobilized")]
    [InlineData("criticising", "criticizing")]
    [InlineData("analysed", "analyzed")]
    [InlineData("kilometres", "kilometers")]
    [InlineData("defence", "defense")]
    [InlineData("neighbouring", "neighboring")]
    [InlineData("economic", "economy")]
    public void A_British_spelling_or_a_listed_word_form_is_one_term(string british, string american) =>
        Assert.Equal(_analyzer.Terms(american), _analyzer.Terms(british));

    [Theory]
    [InlineData("promised")]
    [InlineData("raise")]
    [InlineData("exercises")]
    [InlineData("uprising")]
    [InlineData("advisers")]
    [InlineData("crises")]
    public void A_word_whose_ise_belongs_to_it_is_kept(string word) =>
        Assert.Equal(word, BritishSpelling.ToAmerican(word));

    [Fact]
    public void Cyrillic_words_are_kept_as_terms()
    {
        var terms = _analyzer.Terms("Які умови висуває Зеленський?");
        Assert.Contains("зеленський", terms);
    }

    [Fact]
    public void Malformed_variant_lines_are_reported()
    {
        var ex = Assert.Throws<FormatException>(() => TextAnalyzer.ParseVariants("zelensky zelenskyy"));
        Assert.Contains("zelensky zelenskyy", ex.Message);
    }
}
