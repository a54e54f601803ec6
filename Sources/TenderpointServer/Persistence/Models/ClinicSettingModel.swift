import Fluent
import Foundation

/// One clinic setting, stored as JSON text under a stable key (`ClinicSettingsStore.Key`).
final class ClinicSettingModel: Model, @unchecked Sendable {
    static let schema = "clinic_settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
        self.updatedAt = Date()
    }
}
