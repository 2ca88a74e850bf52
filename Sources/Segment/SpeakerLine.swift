/// The line under a speech's title: organisation, position, then the speaker's name.
///
///     周口市人大常委会主任 吴刚   → organisation 周口市人大常委会, position 主任, name 吴刚
enum SpeakerLine {
    static func matches(_ line: LineText, _ range: Range<Int>) -> Bool {
        parse(line, range) != nil
    }

    /// (organisation, position, name) ranges, or nil.
    static func parse(_ line: LineText, _ range: Range<Int>) -> (organisation: Range<Int>, position: Range<Int>, name: Range<Int>)? {
        guard range.count <= 30, let space = line.s[range].lastIndex(of: " ") else { return nil }
        let name = line.trim((space + 1)..<range.upperBound)
        guard (2...4).contains(name.count), name.allSatisfy({ LineText.isHan(line.s[$0]) }) else { return nil }
        let head = line.trim(range.lowerBound..<space)
        for position in HeadingStyles.positions where line.ends(head, with: position) {
            let positionStart = head.upperBound - position.count
            let organisation = head.lowerBound..<positionStart
            guard organisation.count >= 3 else { continue }
            return (organisation, positionStart..<head.upperBound, name)
        }
        return nil
    }
}
