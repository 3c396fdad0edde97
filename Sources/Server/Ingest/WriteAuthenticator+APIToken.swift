internal import Rules

extension WriteAuthenticator {
    /// The check of the API's mutating endpoints: the bearer token in `web.api_token_file`, or
    /// none when it is not set.
    init(apiTokenFile: String?) throws(APIError) {
        var config = IngestConfig()
        config.bearerTokenFile = apiTokenFile
        try self.init(config)
    }
}
