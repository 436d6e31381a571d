namespace TalksBot.Discord.Types;

/// <summary>Discord: Component Type (the ones TalksBot sends or receives; Discord.Net: ComponentType).</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
}
