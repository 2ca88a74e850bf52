/// Something a reader of the output should know: text that was dropped or replaced, a count
/// a heading declares that the items do not match, an impossible date.
///
///     Diagnostic(.warning, code: "impossible-date", message: "2023年2月30日: February has no 30th", span: …)
public struct Diagnostic: Hashable, Codable, Sendable {
    public enum Level: String, Codable, Sendable { case info, warning, error }

    public var level: Level
    public var code: String
    public var message: String
    public var span: SourceSpan?

    public init(_ level: Level, code: String, message: String, span: SourceSpan? = nil) {
        self.level = level
        self.code = code
        self.message = message
        self.span = span
    }
}
