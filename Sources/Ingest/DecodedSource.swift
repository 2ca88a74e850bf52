import JianbaoCore

/// One input after Ingest: its identity, how it was decoded, and the text spans point into.
public struct DecodedSource: Sendable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    public var encoding: TextEncoding
    /// The decoded text with any byte-order mark dropped: spans are scalar offsets into it.
    public var text: SourceText
    /// What decoding replaced (undecodable sequences) and what an output cannot carry as is
    /// (characters XML 1.0 forbids): one diagnostic per kind, for the document.
    public var diagnostics: [Diagnostic] = []

    public var info: SourceInfo {
        SourceInfo(path: path, sha256: sha256, bytes: bytes, encoding: encoding.rawValue, characters: text.count)
    }
}

/// The encodings jianbao reads; the raw value is what `source.encoding` says.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"
}
