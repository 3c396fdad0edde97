extension NotificationConfigReader {
    /// A receiver and its webhooks; other Alertmanager integrations are reported and ignored.
    mutating func receiver(_ node: YAMLNode) -> ReceiverConfig? {
        guard var reader = MappingReader(node, what: "receiver", diagnostics: &diagnostics) else { return nil }
        guard let name = reader.string("name", required: true, diagnostics: &diagnostics) else {
            reader.ignore("webhook_configs", "alertmanager_configs")
            for key in Self.unsupportedIntegrations { reader.ignore(key) }
            reader.finish(diagnostics: &diagnostics)
            return nil
        }
        if !receiverNames.insert(name).inserted, let nameNode = node["name"] {
            diagnostics.error(nameNode.location, "receiver: name \"\(name)\" is not unique")
        }
        var receiver = ReceiverConfig(name: name)
        if let items = reader.sequence("webhook_configs", diagnostics: &diagnostics) {
            receiver.webhookConfigs = items.compactMap { webhook($0, receiver: name) }
        }
        if let items = reader.sequence("alertmanager_configs", diagnostics: &diagnostics) {
            receiver.alertmanagerConfigs = items.compactMap { alertmanager($0, receiver: name) }
        }
        for key in Self.unsupportedIntegrations {
            if reader.value(key) != nil, let keyNode = node.pairs?.first(where: { $0.key.scalar == key })?.key {
                diagnostics.warning(keyNode.location, "receiver \"\(name)\": \(key) are not supported by Burnrate (webhooks only); ignored")
            }
        }
        reader.finish(diagnostics: &diagnostics)
        return receiver
    }

    mutating func webhook(_ node: YAMLNode, receiver: String) -> WebhookConfig? {
        guard var reader = MappingReader(node, what: "receiver \"\(receiver)\": webhook_config", diagnostics: &diagnostics) else { return nil }
        var config = WebhookConfig()
        config.url = reader.string("url", diagnostics: &diagnostics)
        config.urlFile = reader.string("url_file", diagnostics: &diagnostics)
        switch (config.url, config.urlFile) {
        case (nil, nil):
            diagnostics.error(node.location, "\(reader.what): one of url or url_file must be configured")
        case (.some, .some):
            diagnostics.error(node.location, "\(reader.what): at most one of url and url_file may be configured")
        case (.some(let url), nil):
            if !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count <= "https://".count - 1, let urlNode = node["url"] {
                diagnostics.error(urlNode.location, "\(reader.what): invalid url \"\(url)\": the scheme must be http or https")
            }
        default:
            break
        }
        config.sendResolved = reader.bool("send_resolved", diagnostics: &diagnostics) ?? true
        if let maxAlerts = reader.int("max_alerts", diagnostics: &diagnostics) {
            if maxAlerts < 0, let valueNode = node["max_alerts"] {
                diagnostics.error(valueNode.location, "\(reader.what): max_alerts must not be negative")
            } else {
                config.maxAlerts = maxAlerts
            }
        }
        if var http = reader.mapping("http_config", what: "\(reader.what) http_config", diagnostics: &diagnostics) {
            config.httpConfig = httpConfig(&http)
        }
        config.signingSecretFile = reader.string("signing_secret_file", diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        return config
    }

    /// An `alertmanager_configs` entry: `url` (required, http or https), `resend_delay`,
    /// `timeout`, `http_config`.
    mutating func alertmanager(_ node: YAMLNode, receiver: String) -> AlertmanagerForwardConfig? {
        guard var reader = MappingReader(node, what: "receiver \"\(receiver)\": alertmanager_config", diagnostics: &diagnostics) else { return nil }
        let url = reader.string("url", required: true, diagnostics: &diagnostics)
        if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count <= "https://".count - 1, let urlNode = node["url"] {
            diagnostics.error(urlNode.location, "\(reader.what): invalid url \"\(url)\": the scheme must be http or https")
        }
        var config = AlertmanagerForwardConfig(url: url ?? "")
        if let delay = duration(&reader, "resend_delay", positive: true) { config.resendDelay = delay }
        if let timeout = duration(&reader, "timeout", positive: true) { config.timeout = timeout }
        if var http = reader.mapping("http_config", what: "\(reader.what) http_config", diagnostics: &diagnostics) {
            config.httpConfig = httpConfig(&http)
        }
        reader.finish(diagnostics: &diagnostics)
        return url == nil ? nil : config
    }

    /// Prometheus' common HTTP client configuration, the parts a webhook uses.
    mutating func httpConfig(_ reader: inout MappingReader) -> HTTPClientConfig {
        var config = HTTPClientConfig()
        let here = reader.node.location
        let bearerToken = reader.string("bearer_token", diagnostics: &diagnostics)
        let bearerTokenFile = reader.string("bearer_token_file", diagnostics: &diagnostics)
        if bearerToken != nil, bearerTokenFile != nil {
            diagnostics.error(here, "\(reader.what): at most one of bearer_token and bearer_token_file may be configured")
        }
        if var auth = reader.mapping("authorization", what: "\(reader.what) authorization", diagnostics: &diagnostics) {
            var authorization = HTTPClientConfig.Authorization()
            if let type = auth.string("type", diagnostics: &diagnostics), !type.isEmpty {
                if type.lowercased() == "basic", let typeNode = auth.node["type"] {
                    diagnostics.error(typeNode.location, "\(auth.what): type cannot be \"Basic\", use basic_auth instead")
                }
                authorization.type = type
            }
            authorization.credentials = auth.string("credentials", diagnostics: &diagnostics)
            authorization.credentialsFile = auth.string("credentials_file", diagnostics: &diagnostics)
            if authorization.credentials != nil, authorization.credentialsFile != nil {
                diagnostics.error(auth.node.location, "\(auth.what): at most one of credentials and credentials_file may be configured")
            }
            auth.finish(diagnostics: &diagnostics)
            if bearerToken != nil || bearerTokenFile != nil {
                diagnostics.error(auth.node.location, "\(reader.what): authorization cannot be used with bearer_token or bearer_token_file")
            }
            config.authorization = authorization
        } else if bearerToken != nil || bearerTokenFile != nil {
            config.authorization = HTTPClientConfig.Authorization(credentials: bearerToken, credentialsFile: bearerTokenFile)
        }
        if var basic = reader.mapping("basic_auth", what: "\(reader.what) basic_auth", diagnostics: &diagnostics) {
            let username = basic.string("username", diagnostics: &diagnostics) ?? ""
            let password = basic.string("password", diagnostics: &diagnostics)
            let passwordFile = basic.string("password_file", diagnostics: &diagnostics)
            if password != nil, passwordFile != nil {
                diagnostics.error(basic.node.location, "\(basic.what): at most one of password and password_file may be configured")
            }
            basic.finish(diagnostics: &diagnostics)
            if config.authorization != nil {
                diagnostics.error(basic.node.location, "\(reader.what): at most one of basic_auth, authorization, bearer_token and bearer_token_file may be configured")
            }
            config.basicAuth = HTTPClientConfig.BasicAuth(username: username, password: password, passwordFile: passwordFile)
        }
        if var tls = reader.mapping("tls_config", what: "\(reader.what) tls_config", diagnostics: &diagnostics) {
            config.tls = HTTPClientConfig.TLS(
                caFile: tls.string("ca_file", diagnostics: &diagnostics), certFile: tls.string("cert_file", diagnostics: &diagnostics),
                keyFile: tls.string("key_file", diagnostics: &diagnostics), serverName: tls.string("server_name", diagnostics: &diagnostics),
                insecureSkipVerify: tls.bool("insecure_skip_verify", diagnostics: &diagnostics) ?? false)
            if (config.tls?.certFile == nil) != (config.tls?.keyFile == nil) {
                diagnostics.error(tls.node.location, "\(tls.what): cert_file and key_file must be configured together")
            }
            tls.ignore("min_version")
            tls.finish(diagnostics: &diagnostics)
        }
        if let node = reader.value("oauth2") {
            diagnostics.error(node.location, "\(reader.what): oauth2 is not supported by Burnrate")
        }
        if let node = reader.value("proxy_url") {
            diagnostics.warning(node.location, "\(reader.what): proxy_url is not supported by Burnrate; ignored")
        }
        reader.ignore("follow_redirects", "enable_http2")
        reader.finish(diagnostics: &diagnostics)
        return config
    }
}
