namespace Mash.Intake.Returns;

/// <summary>A return as a file: its name, media type, bytes, and how many rows it holds (its header apart).</summary>
public sealed record ReturnDocument(string FileName, string ContentType, byte[] Content, int Rows);
