import { randomBytes } from 'node:crypto';
import { weakPasswordReason } from './password-strength';

describe('weakPasswordReason', () => {
  const personal = ['ana.lopez@example.com', 'Ana Lopez'];

  it('refuses short, repetitive, common and personal passwords, saying why', () => {
    expect(weakPasswordReason('Sh0rt!pass', personal)).toBe('must be at least 12 characters');
    expect(weakPasswordReason('a'.repeat(201), personal)).toBe('must be at most 200 characters');
    expect(weakPasswordReason('aaaaaaaaaaaaaaaa', personal)).toBe('uses only 1 distinct character');
    expect(weakPasswordReason('k9#Lm2k9#Lm2k9#Lm2', personal)).toBe('is a shorter piece repeated');
    for (const common of [
      'password1234',
      'Password-1234!',
      '123456789012',
      'adminadmin12',
      'qwerty-qwerty-987',
      'ana.lopez-2024!',
      'AnaLopez!zyxw',
    ]) {
      expect([common, weakPasswordReason(common, personal)]).toEqual([
        common,
        expect.stringMatching(/^is made mostly of common words/),
      ]);
    }
  });

  it('accepts passphrases and random passwords', () => {
    for (const good of ['correct-horse-battery-staple', 'Tr0ub4dor&3x!', 'x7Gq-29fk-LmZp'])
      expect([good, weakPasswordReason(good, personal)]).toEqual([good, null]);
    for (let i = 0; i < 200; i++) {
      const generated = randomBytes(18).toString('base64url');
      expect([generated, weakPasswordReason(generated, personal)]).toEqual([generated, null]);
    }
  });
});
