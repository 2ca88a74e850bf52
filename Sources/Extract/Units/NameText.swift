import Normalize

/// Part of a written organisation name (the rest after its place: 人大常委会办公厅), read in
/// place from the scalars it was found in, so that resolving a name builds no String until
/// the full name itself.
///
/// The rules test it against words (starts with 委员会, ends in 工委) and look it up in the
/// lexicons with the answers Swift's String comparison gives: canonical equivalence, whole
/// Characters. When every scalar is a plain Han ideograph (no decomposition, a Character of its
/// own, as in every lexicon form) that is plain scalar equality, done in place. A name with
/// anything else (a compatibility ideograph such as U+F96D for 省, a combining mark) is
/// compared as a String, so the answers never differ.
struct NameText: Sendable {
    let scalars: [Unicode.Scalar]
    let range: Range<Int>
    /// Every scalar is a unified Han ideograph.
    let isPlain: Bool

    init(_ scalars: [Unicode.Scalar], _ range: Range<Int>) {
        self.scalars = scalars
        self.range = range
        var plain = true
        for index in range where !Self.isPlain(scalars[index]) {
            plain = false
            break
        }
        isPlain = plain
    }

    init(_ string: String) {
        let scalars = Array(string.unicodeScalars)
        self.init(scalars, 0..<scalars.count)
    }

    /// The CJK Unified Ideographs and Extension A: no canonical decomposition, combining class 0,
    /// and no grapheme joins between two of them.
    @inline(__always)
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    var count: Int { range.count }
    var isEmpty: Bool { range.isEmpty }
    var first: Unicode.Scalar? { range.isEmpty ? nil : scalars[range.lowerBound] }
    var string: String { WorkingText.string(scalars[range]) }

    /// `string.hasPrefix(word)`, for a word of plain ideographs.
    func hasPrefix(_ word: String) -> Bool {
        guard isPlain else { return string.hasPrefix(word) }
        var index = range.lowerBound
        for scalar in word.unicodeScalars {
            guard index < range.upperBound, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// `string.hasSuffix(word)`, for a word of plain ideographs.
    func hasSuffix(_ word: String) -> Bool {
        guard isPlain else { return string.hasSuffix(word) }
        // Compared from the end: counting the word's scalars first would walk the String
        // (`unicodeScalars.count` is a distance, not a stored length).
        var index = range.upperBound
        for scalar in word.unicodeScalars.reversed() {
            guard index > range.lowerBound, scalars[index - 1] == scalar else { return false }
            index -= 1
        }
        return true
    }

    /// `string == word`, for a word of plain ideographs.
    func equals(_ word: String) -> Bool {
        guard isPlain else { return string == word }
        // One walk: the word matches every scalar, and then the name has none left.
        var index = range.lowerBound
        for scalar in word.unicodeScalars {
            guard index < range.upperBound, scalars[index] == scalar else { return false }
            index += 1
        }
        return index == range.upperBound
    }

    /// `string.contains(character)`, for a plain ideograph.
    func contains(_ character: Unicode.Scalar) -> Bool {
        guard isPlain else { return string.contains(Character(character)) }
        return scalars[range].contains(character)
    }

    /// The text without its first `scalarCount` scalars (scalars, not Characters: 委 of 省委办).
    func droppingFirstScalars(_ scalarCount: Int) -> NameText {
        NameText(scalars, min(range.lowerBound + scalarCount, range.upperBound)..<range.upperBound)
    }

    /// `String(string.dropFirst(characterCount))`: whole Characters, as a String would drop them.
    func droppingFirstCharacters(_ characterCount: Int) -> NameText {
        guard isPlain else { return NameText(String(string.dropFirst(characterCount))) }
        return droppingFirstScalars(characterCount)
    }
}

extension PrefixTable {
    /// The entry whose form is `name` as a whole (`self[name.string]`).
    func entry(named name: NameText) -> Value? {
        // When the name and every form are plain, the scalars decide; otherwise String equality.
        guard name.isPlain, formsArePlain else { return self[name.string] }
        guard let found = longest(in: name.scalars, at: name.range.lowerBound, limit: name.range.upperBound),
            found.length == name.count
        else { return nil }
        return found.value
    }
}
