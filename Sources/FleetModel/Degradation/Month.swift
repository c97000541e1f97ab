/// A calendar month, written by name so a seasonal peak is never an ambiguous number.
public enum Month: String, Sendable, Hashable, CaseIterable {
    case january, february, march, april, may, june, july, august, september, october, november, december

    /// 1 for January.
    public var number: Int { Month.allCases.firstIndex(of: self)! + 1 }
}
