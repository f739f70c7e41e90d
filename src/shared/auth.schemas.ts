import { z } from 'zod';
import { roles } from './permissions.js';

export const languageSchema = z.enum(['ru', 'kk', 'en']);

export const signInRequestSchema = z.object({
  email: z.string().trim().min(3).max(254).email('must be an email address'),
  password: z.string().min(1, 'is required').max(1024),
});

export const mfaStateSchema = z.enum(['none', 'required', 'enroll', 'complete']);

export const signInResponseSchema = z
  .object({
    mfa: z.enum(['none', 'required', 'enroll']).describe("'none': signed in; 'required': send the authenticator code to /auth/mfa; 'enroll': add otpauthUrl to an authenticator app, then send a code"),
    otpauthUrl: z.string().optional().describe("Only when mfa is 'enroll'"),
    otpauthQrSvg: z.string().optional().describe("The same URL as a QR code (SVG), only when mfa is 'enroll'"),
    csrfToken: z.string().describe('Send it as the x-csrf-token header on every state-changing request'),
  })
  .meta({ id: 'SignInResult' });

export const mfaRequestSchema = z.object({
  code: z.string().trim().regex(/^[0-9 ]{6,8}$/, 'must be the 6-digit code from the authenticator app'),
});

export const meSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      language: languageSchema,
      mfaEnrolled: z.boolean(),
    }),
    organization: z.object({ id: z.uuid(), code: z.string(), kind: z.string(), name: z.object({ ru: z.string(), kk: z.string(), en: z.string() }) }),
    roles: z.array(z.enum(roles)),
    regions: z.array(z.string()).describe('Region codes the user works in; empty: the whole country'),
    session: z.object({
      mfa: mfaStateSchema,
      csrfToken: z.string(),
      expiresAt: z.iso.datetime(),
      passwordChangeRequired: z.boolean().describe('An administrator reset the password: POST /me/password before anything else works'),
    }),
  })
  .meta({ id: 'Me' });

export const preferencesRequestSchema = z.object({ language: languageSchema });

export const okSchema = z.object({ ok: z.literal(true) });

export const mfaEnrolmentSchema = z
  .object({ otpauthUrl: z.string(), otpauthQrSvg: z.string() })
  .meta({ id: 'MfaEnrolment' });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(1, 'is required').max(1024),
});

export const passwordChangedSchema = z
  .object({ ok: z.literal(true), otherSessionsEnded: z.number().int().describe('Your sessions on other devices that were ended') })
  .meta({ id: 'PasswordChanged' });

export const passwordResetSchema = z
  .object({
    temporaryPassword: z.string().describe('Shown once: give it to the user, who must replace it at the next sign-in'),
  })
  .meta({ id: 'PasswordReset' });
