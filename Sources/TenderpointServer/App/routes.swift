import Vapor

func routes(_ app: Application) async throws {
    try app.register(collection: HealthController())
    let api = app.grouped("api")
    try api.register(collection: TokenController())
    let authenticated = api.grouped(BearerAuthenticator())
    try authenticated.register(collection: PatientController())
}
