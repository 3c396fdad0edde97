/// The naming rule Sloth applies to services and SLO names (label and metric names: `Names`).
enum SlothNames {
    /// True for a valid Sloth service or SLO name: letters, digits, `.`, `_` and `-`, starting and
    /// ending with a letter or digit (so at least two characters), as Sloth's `NameRegexp` says.
    static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 2, let first = scalars.first, let last = scalars.last,
              isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return scalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// The rule a name breaks, for messages.
    static let nameRule = "names must start and end with a letter or digit and contain only letters, digits, \".\", \"_\" and \"-\""

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar)
    }
}
