/// RFC 4180 records appended as UTF-8 bytes to one growing buffer: a field is quoted when it
/// holds a comma, a quote or a line break (quotes inside doubled), and every record ends in CRLF.
///
/// Tables are built by appending bytes rather than concatenating Strings, and a buffer can be
/// emptied and reused (`removeAll`) without giving back its storage.
///
///     var buffer = CSVRecordBuffer()
///     buffer.appendRecord(["a/b.txt", "1", "全省\"十四五\"规划"])   // a/b.txt,1,"全省""十四五""规划"\r\n
public struct CSVRecordBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public var count: Int { bytes.count }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func append(_ other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    public mutating func appendRecord(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(Self.comma) }
            appendField(field)
        }
        bytes.append(contentsOf: [Self.carriageReturn, Self.lineFeed])
    }

    /// The four characters that force quoting are ASCII, and no byte of a multi-byte UTF-8
    /// sequence is ASCII, so looking at bytes finds exactly the scalars a scalar scan would.
    private mutating func appendField(_ field: String) {
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: Self.forcesQuotes) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(Self.quote)
            for byte in utf8 {
                if byte == Self.quote { bytes.append(Self.quote) }
                bytes.append(byte)
            }
            bytes.append(Self.quote)
        }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    private static func forcesQuotes(_ byte: UInt8) -> Bool {
        byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn
    }
}
