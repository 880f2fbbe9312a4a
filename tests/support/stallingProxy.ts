/**
 * A TCP proxy in front of a real server that can stall: while stalled it keeps every connection
 * open but forwards nothing either way, as a server that hangs (a long GC pause, a frozen VM, a
 * partition without a reset) looks to its clients. Hand-written: it is a dozen lines of node:net,
 * and no proxy library offers "hold the bytes" as a switch.
 */
import net from 'node:net';

export interface StallingProxy {
  port: number;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startStallingProxy(targetPort: number): Promise<StallingProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;
  const connect = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  // unpipe alone would let a paused stream be resumed by the other side's 'drain'; paused and unpiped, nothing moves.
  const hold = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    if (!stalled) connect(pair);
    const drop = () => {
      pairs.delete(pair);
      pair.forEach((socket) => socket.destroy());
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stall: () => {
      stalled = true;
      pairs.forEach(hold);
    },
    resume: () => {
      stalled = false;
      pairs.forEach(connect);
    },
    close: async () => {
      for (const pair of pairs) pair.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
