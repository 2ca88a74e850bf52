/// Why an input was refused. Each case reads as the reason part of one line:
/// `jianbao: Fixtures/x.txt: not text: PNG image`.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case empty
    case whitespaceOnly
    case tooLarge(bytes: Int, limit: Int)
    case binary(String)
    case truncated(String)
    case undecodable(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty:
            return "empty file"
        case .whitespaceOnly:
            return "no text: the file holds only white space"
        case let .tooLarge(bytes, limit):
            return "too large: \(bytes) bytes, over the limit of \(limit) bytes (raise it with --max-bytes)"
        case let .binary(what):
            return "not text: \(what)"
        case let .truncated(what):
            return "truncated: \(what)"
        case let .undecodable(what):
            return "not decodable: \(what)"
        case let .unreadable(what):
            return "cannot read: \(what)"
        }
    }
}
