/** Which unit a submission sent through the server comes from (pure: `domain/sentUnit.ts`, shared with the server). */
export * from '../domain/sentUnit';
