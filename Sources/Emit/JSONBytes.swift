import Foundation

/// Where the members of a JSON object or array go: all on one line, or one per line.
///
///     .oneLine             {"start": 0, "end": 8}
///     .lines(indent: 2)    {\n    "id": "1",\n    …\n  }
enum JSONLayout {
    case oneLine
    /// One member per line, two spaces deeper than `indent`, the closing bracket at `indent`.
    case lines(indent: Int)

    /// The layout of a container written one-per-line inside this one; one line stays one line.
    var nested: JSONLayout {
        switch self {
        case .oneLine: return .oneLine
        case .lines(let indent): return .lines(indent: indent + 2)
        }
    }
}

/// JSON text written straight into one growing UTF-8 buffer.
///
/// Emitting went through an `OrderedJSON` tree first, one allocation per value and per key,
/// and that cost more than extracting the entities. This writer has no tree: the caller
/// opens a container, writes `key`/`element` separators and values in order, and closes it;
/// the bytes are the ones `JSONTextWriter` writes for the same value and layout.
///
/// The buffer is its own memory rather than a `[UInt8]`: an array append checks uniqueness and
/// capacity through a generic call each time, which for the many short pieces of JSON cost more
/// than copying them; and a finished buffer becomes `Data` without a copy.
struct JSONBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the container just opened has no member yet: its first separator has no comma,
    /// and closing it empty writes `[]` or `{}` even when its layout is one per line.
    private var awaitsFirstMember = false

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The text as a String (checked as UTF-8 once, as every String is).
    consuming func text() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The text as Data that takes over the buffer, without copying it.
    consuming func data() -> Data {
        let (start, count) = (self.start, self.count)
        discard self
        return Data(bytesNoCopy: start, count: count, deallocator: .custom { bytes, _ in bytes.deallocate() })
    }

    // MARK: Raw bytes

    // The appends are forced inline: most pieces are a byte or a short literal, and a call
    // for each cost as much as the copying.

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if length > capacity - count { grow(toHold: length) }
        (start + count).initialize(from: bytes, count: length)
        count += length
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inline(never)  // rare: keeps the appends above small enough to inline
    private mutating func grow(toHold extra: Int) {
        capacity = max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: start, count: count)
        start.deallocate()
        start = larger
    }

    // MARK: Containers

    mutating func openObject() {
        append(UInt8(ascii: "{"))
        awaitsFirstMember = true
    }

    mutating func closeObject(_ layout: JSONLayout) {
        close(UInt8(ascii: "}"), layout)
    }

    mutating func openArray() {
        append(UInt8(ascii: "["))
        awaitsFirstMember = true
    }

    mutating func closeArray(_ layout: JSONLayout) {
        close(UInt8(ascii: "]"), layout)
    }

    /// The separator before an object member and its key: `"name": `. Keys are ASCII names
    /// from the SPEC, so they need no escaping.
    @inline(__always)
    mutating func key(_ name: StaticString, _ layout: JSONLayout) {
        separate(layout)
        append(UInt8(ascii: "\""))
        append(name)
        append("\": ")
    }

    /// Bytes that are JSON already, written as they are: the fixed keys and separators of a
    /// flat (one-line) object, `{"text": ` or `, "span": `, in one copy instead of a key call
    /// (separator, quote, name, quote, colon) each. Inlined, so that each is a copy of a known
    /// length rather than a call and a `memmove`.
    @inline(__always)
    mutating func literal(_ json: StaticString) {
        append(json)
    }

    /// The separator before an array element.
    mutating func element(_ layout: JSONLayout) {
        separate(layout)
    }

    private mutating func separate(_ layout: JSONLayout) {
        let first = awaitsFirstMember
        awaitsFirstMember = false
        switch layout {
        case .oneLine:
            if !first { append(", ") }
        case .lines(let indent):
            if !first { append(UInt8(ascii: ",")) }
            newline(indent: indent + 2)
        }
    }

    private mutating func close(_ bracket: UInt8, _ layout: JSONLayout) {
        if case .lines(let indent) = layout, !awaitsFirstMember { newline(indent: indent) }
        awaitsFirstMember = false
        append(bracket)
    }

    /// The newline that ends a document's text.
    mutating func newlineAtEnd() {
        append(0x0A)
    }

    /// A newline and `indent` spaces, copied from one literal in a single append.
    private mutating func newline(indent: Int) {
        let line: StaticString = "\n                                                                "
        if indent < line.utf8CodeUnitCount {
            append(line.utf8Start, count: indent + 1)
        } else {
            append(0x0A)
            for _ in 0..<indent { append(0x20) }
        }
    }

    // MARK: Scalars

    @inline(__always)
    mutating func null() {
        append("null")
    }

    mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// A JSON string: `"`, `\\`, and the control characters escaped (\n \r \t by name, the rest
    /// as \u00XX); everything else, Chinese included, as its own UTF-8 bytes.
    mutating func string(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
            // Only a bridged or lazily decoded string lands here; native strings are contiguous.
            var copy = text
            copy.makeContiguousUTF8()
            copy.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
        }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Room for the string as it is and its quotes, so the clean part (nearly always all of
        // it) is copied without a check per piece; escapes go through the checked appends.
        if utf8.count + 2 > capacity - count { grow(toHold: utf8.count + 2) }
        start[count] = UInt8(ascii: "\"")
        count += 1
        let clean = JSONEscape.copyCleanPrefix(utf8, to: start + count)
        count += clean
        if clean < utf8.count { appendEscaped(utf8[clean...]) }
        append(UInt8(ascii: "\""))
    }

    /// The rest of a string from its first byte that needs an escape.
    @inline(never)  // rare
    private mutating func appendEscaped(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) {
        for byte in utf8 {
            guard JSONEscape.needsEscape(byte) else {
                append(byte)
                continue
            }
            append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                append("u00")
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
    }

    /// An integer in decimal, as `String(value)` writes it but without making a String: its
    /// length found by comparisons, then two digits at a time from a table.
    mutating func int(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        var digitCount = 1
        var power: UInt64 = 10
        while digitCount < 20, magnitude >= power {
            digitCount += 1
            power &*= 10
        }
        if digitCount > capacity - count { grow(toHold: digitCount) }
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        var position = count + digitCount
        while magnitude >= 10 {
            let pair = Int(magnitude % 100) * 2
            magnitude /= 100
            position -= 2
            start[position] = table[pair]
            start[position + 1] = table[pair + 1]
        }
        if position > count { start[count] = UInt8(ascii: "0") + UInt8(magnitude) }
        count += digitCount
    }

    /// A number as `OrderedJSON.number` writes it: whole values without a fraction (2049000000,
    /// not 2.049e9), others as Swift prints a Double, and what JSON cannot hold as null.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { return int(Int(value)) }
        guard value.isFinite else { return null() }
        var text = value.description
        text.withUTF8 { append($0.baseAddress!, count: $0.count) }
    }

    mutating func number(_ value: Double?) {
        guard let value else { return null() }
        number(value)
    }
}
