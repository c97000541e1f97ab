import Maintenance

/// A kind's rule engine shared by reference: looking one up per message or per timer step costs
/// one retain, where copying the engine struct retained every one of its fields.
final class EngineHandle: Sendable {
    let rules: MaintenanceEngine

    init(_ rules: MaintenanceEngine) {
        self.rules = rules
    }
}
