/// A half-open range of Unicode scalar offsets into the decoded source text.
///
/// This is the one offset unit of jianbao: after a byte-order mark is dropped and before any
/// normalisation, `source.unicodeScalars[start..<end]` is exactly an entity's `text`
/// (SPEC, "Spans").
///
///     let span = SourceSpan(start: 84, end: 93)   // 省人大常委会办公厅
public struct SourceSpan: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span never runs backwards")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    public func contains(_ other: SourceSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public func overlaps(_ other: SourceSpan) -> Bool {
        start < other.end && other.start < end
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard 0 <= start, start <= end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "span end \(end) is before start \(start)")
        }
        self.init(start: start, end: end)
    }
}
