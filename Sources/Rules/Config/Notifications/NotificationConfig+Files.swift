extension NotificationConfig {
    /// A copy whose relative file paths (tokens, passwords, secrets, TLS files, `url_file`, also
    /// those of `alertmanager_configs`) are made relative to `base`, the configuration file's
    /// directory.
    public func resolvingFiles(relativeTo base: String) -> NotificationConfig {
        func resolve(_ path: String?) -> String? {
            guard let path, !path.hasPrefix("/"), !base.isEmpty else { return path }
            return base + "/" + path
        }
        var copy = self
        copy.receivers = receivers.map { receiver in
            var receiver = receiver
            receiver.webhookConfigs = receiver.webhookConfigs.map { webhook in
                var webhook = webhook
                webhook.urlFile = resolve(webhook.urlFile)
                webhook.signingSecretFile = resolve(webhook.signingSecretFile)
                webhook.httpConfig = webhook.httpConfig.resolvingFiles(with: resolve)
                return webhook
            }
            receiver.alertmanagerConfigs = receiver.alertmanagerConfigs.map { forward in
                var forward = forward
                forward.httpConfig = forward.httpConfig.resolvingFiles(with: resolve)
                return forward
            }
            return receiver
        }
        return copy
    }
}

extension HTTPClientConfig {
    /// A copy with its file paths passed through `resolve`.
    func resolvingFiles(with resolve: (String?) -> String?) -> HTTPClientConfig {
        var http = self
        if let file = http.authorization?.credentialsFile { http.authorization?.credentialsFile = resolve(file) }
        if let file = http.basicAuth?.passwordFile { http.basicAuth?.passwordFile = resolve(file) }
        if var tls = http.tls {
            tls.caFile = resolve(tls.caFile)
            tls.certFile = resolve(tls.certFile)
            tls.keyFile = resolve(tls.keyFile)
            http.tls = tls
        }
        return http
    }
}
