import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, FEATURES, type Feature } from '@core/ipc/channels';
import { contract, eventContract, featureContracts, featureEvents } from '@core/ipc/schemas';
import { featureHandlers, handlers } from '../../src/main/ipc/handlers';

const features = Object.keys(FEATURES) as Feature[];
const domainOf = (name: string): string => name.slice(0, name.indexOf('.'));
const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('IPC contract composed of feature modules', () => {
  it('lists the same features in names, schemas and handlers', () => {
    expect(sorted(Object.keys(featureContracts))).toEqual(sorted(features));
    expect(sorted(Object.keys(featureEvents))).toEqual(sorted(features));
    expect(sorted(Object.keys(featureHandlers))).toEqual(sorted(features));
  });

  it('gives every channel and event name to exactly one feature', () => {
    const channels = features.flatMap((feature) => FEATURES[feature].channels);
    const events = features.flatMap((feature) => FEATURES[feature].events);
    expect(new Set(channels).size).toBe(channels.length);
    expect(new Set(events).size).toBe(events.length);
    expect(sorted(channels)).toEqual(sorted(CHANNELS));
    expect(sorted(events)).toEqual(sorted(EVENTS));
  });

  it.each(features)('%s: one schema and one handler per channel, one payload per event', (f) => {
    expect(sorted(Object.keys(featureContracts[f]))).toEqual(sorted(FEATURES[f].channels));
    expect(sorted(Object.keys(featureHandlers[f]))).toEqual(sorted(FEATURES[f].channels));
    expect(sorted(Object.keys(featureEvents[f]))).toEqual(sorted(FEATURES[f].events));
  });

  it('has the composed contract, events and handlers cover every name once', () => {
    expect(sorted(Object.keys(contract))).toEqual(sorted(CHANNELS));
    expect(sorted(Object.keys(eventContract))).toEqual(sorted(EVENTS));
    expect(sorted(Object.keys(handlers))).toEqual(sorted(CHANNELS));
  });

  it('names every channel and event domain.verb, in a domain of its own feature', () => {
    const owner = new Map<string, Feature>();
    for (const feature of features) {
      // A feature is named after its first domain, so `board.*` lives in `board/`.
      expect(FEATURES[feature].domains[0]).toBe(feature);
      for (const domain of FEATURES[feature].domains) {
        expect(owner.get(domain), `domain ${domain}`).toBeUndefined();
        owner.set(domain, feature);
      }
    }
    for (const feature of features) {
      for (const name of [...FEATURES[feature].channels, ...FEATURES[feature].events]) {
        expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
        expect(owner.get(domainOf(name)), name).toBe(feature);
      }
    }
  });
});
