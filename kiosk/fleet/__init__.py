"""Running unattended in a fleet: systemd watchdog, metrics, health endpoint, session lock,
reload at Welcome and the out-of-service state. Imported piecemeal so that nothing here
(``prometheus_client``, sockets, threads) loads unless the settings turn it on."""
