import net from 'node:net';

export interface SocksProxy {
  port: number;
  /** Host names asked for through the proxy, in order (what the browser tried to reach). */
  log: string[];
  /** A proxy auto-config script: the given hosts go through this proxy, everything else direct. */
  pac(hosts: readonly string[]): string;
  close(): Promise<void>;
}

/**
 * Firefox has no host-resolver flag. Its proxy settings do the same job: a PAC script sends the fixture hosts to
 * this SOCKS5 proxy, which connects every one of them to the fixture server's single port, whatever port the
 * browser asked for. SOCKS passes the bytes through untouched (TLS or plain HTTP), so the fixture server tells the
 * two apart by the first byte exactly as it does for Chromium, and the host name travels to the proxy unresolved
 * (PAC "SOCKS5" resolves names at the proxy), so no DNS is needed for invented names.
 */
export async function startSocksProxy(targetPort: number): Promise<SocksProxy> {
  const log: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    // Greeting: version 5, n methods, methods. Answer "no authentication".
    client.once('data', (greeting) => {
      if (greeting[0] !== 5) return client.destroy();
      client.write(Buffer.from([5, 0]));
      // Request: version, CONNECT (1), reserved, address type, address, port.
      client.once('data', (request) => {
        if (request[0] !== 5 || request[1] !== 1) return client.destroy();
        const type = request[3];
        if (type === 3) log.push(request.subarray(5, 5 + (request[4] ?? 0)).toString('latin1'));
        else if (type === 1) log.push([...request.subarray(4, 8)].join('.'));
        const upstream = net.connect(targetPort, '127.0.0.1', () => {
          // Succeeded, bound to 0.0.0.0:0 (the browser does not use it).
          client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
          client.pipe(upstream);
          upstream.pipe(client);
        });
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    log,
    pac(hosts) {
      return `function FindProxyForURL(url, host) {
  var mapped = ${JSON.stringify(hosts)};
  return mapped.indexOf(host.toLowerCase()) >= 0 ? "SOCKS5 127.0.0.1:${port}" : "DIRECT";
}`;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
