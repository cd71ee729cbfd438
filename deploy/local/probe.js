#!/usr/bin/env node
// Readiness probe for the local stack: exits 0 once the given server answers a real client request.
// Usage: node probe.js kafka 127.0.0.1:9092 | node probe.js mongo mongodb://127.0.0.1:27017/admin
'use strict';
const [kind, address] = process.argv.slice(2);

async function probeKafka(broker) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'credit-bridge-probe',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no brokers');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function probeMongo(url) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

const probes = { kafka: probeKafka, mongo: probeMongo };
if (!probes[kind] || !address) {
  console.error('usage: probe.js kafka|mongo <address>');
  process.exit(2);
}
probes[kind](address).then(
  () => process.exit(0),
  (err) => {
    console.error(`${kind} not ready: ${err.message}`);
    process.exit(1);
  },
);
