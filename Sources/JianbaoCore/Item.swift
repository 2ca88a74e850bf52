/// One node of the document's item tree (SPEC, "Items").
///
///     1.以立法与普法相结合助力法治河南建设 …   → id "1", label "1", marker "1.", kind item
///     （一）“五联六进”工作机制…               → id "#3/一/(一)", label "(一)", kind subsection
public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var path: [String]
    public var label: String
    /// The marker as written (`1.`, `（一）`, `一是`), empty for an unnumbered heading.
    public var marker: String
    public var level: Int
    public var kind: String
    public var title: String
    public var fields: [Field]
    /// Heading and body, up to the next item at the same or a higher level.
    public var span: SourceSpan
    public var children: [Item]

    public init(
        path: [String], marker: String, kind: String, title: String, fields: [Field] = [],
        span: SourceSpan, children: [Item] = []
    ) {
        self.init(
            path: path, id: path.joined(separator: "/"), marker: marker, kind: kind, title: title, fields: fields, span: span,
            children: children)
    }

    /// An item whose id, its path joined with `/`, the caller already has: a tree builder
    /// extends its parent's id instead of joining the whole path again at every level.
    public init(
        path: [String], id: String, marker: String, kind: String, title: String, fields: [Field] = [],
        span: SourceSpan, children: [Item] = []
    ) {
        self.id = id
        self.path = path
        self.label = path.last ?? ""
        self.marker = marker
        self.level = path.count
        self.kind = kind
        self.title = title
        self.fields = fields
        self.span = span
        self.children = children
    }
}
