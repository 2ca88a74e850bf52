/// The decoded source of one document as Unicode scalars, the text every span points into.
///
/// Slicing is by scalar offset, so `source.slice(span)` is the exact `text` of an entity.
public struct SourceText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.scalars = Array(string.unicodeScalars)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    /// The exact source text under `span`.
    public func slice(_ span: SourceSpan) -> String {
        String(scalars: scalars[span.start..<span.end])
    }
}
