using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace TalksBot.Discord.Interactions;

/// <summary>Checks Discord's X-Signature-Ed25519 over timestamp + raw body with the application's public key (BouncyCastle 2.x: .NET has no Ed25519 of its own).</summary>
public sealed class Ed25519Verifier(string publicKeyHex)
{
    private readonly Ed25519PublicKeyParameters _key = new(Convert.FromHexString(publicKeyHex), 0);

    /// <summary>True when the header could be a signature at all (128 hex digits): checked before the body is read.</summary>
    public static bool IsWellFormed(string? signatureHex) => signatureHex is { Length: 128 } && signatureHex.All(Uri.IsHexDigit);

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != 128) return false;
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var signer = new Ed25519Signer();
        signer.Init(false, _key);
        signer.BlockUpdate(stamp);
        signer.BlockUpdate(body);
        return signer.VerifySignature(signature);
    }
}
