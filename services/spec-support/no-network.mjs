// Loaded with `node --import` into a process that must not reach the network (the offline verification specs):
// every TCP or Unix socket connection and every DNS lookup throws, so any fetch fails.
import dns from 'node:dns';
import net from 'node:net';

const refused = () => new Error('networking is disabled in this process');
const refuse = () => {
  throw refused();
};

net.Socket.prototype.connect = refuse;
net.connect = refuse;
net.createConnection = refuse;
dns.lookup = refuse;
dns.resolve = refuse;
dns.promises.lookup = () => Promise.reject(refused());
