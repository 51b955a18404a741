import { describe, expect, it } from 'vitest';
import { defaultNeverLogDomains, isNeverLogged } from './never-log.ts';

describe('defaultNeverLogDomains', () => {
  it.each([
    ['sam@acme.example', ['acme.example']],
    [' Sam@Sales.Acme.Example ', ['sales.acme.example']],
    ['sam@gmail.com', []],
    ['sam@yahoo.co.uk', []],
    ['sam@outlook.com', []],
    ['not an email', []],
    [null, []],
  ])('%s -> %j', (email, expected) => {
    expect(defaultNeverLogDomains(email)).toEqual(expected);
  });
});

describe('isNeverLogged', () => {
  it.each([
    ['pat@acme.example', true],
    ['pat@eu.acme.example', true],
    ['pat@notacme.example', false],
    ['pat@prospect.example', false],
  ])('%s -> %s', (email, expected) => {
    expect(isNeverLogged(email, ['acme.example'])).toBe(expected);
  });
});
