// Loaded first by main.ts: tracing must patch http, express and pg before they are required.
import 'reflect-metadata';
import { startTelemetry } from '@phoi-hop/observability';

startTelemetry({ serviceName: 'reporting' });
