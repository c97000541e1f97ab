/// The three rings of the rose that results are shown in (docs/DOMAIN.md section 2).
public enum RoseTheme: String, Sendable, Hashable, CaseIterable, Codable {
    case naturalResources = "natural-resources"
    case peopleAndEnvironment = "people-environment"
    /// Reuse, waste, transport: qualitative, neutral when unchanged.
    case economy
}
