/**
 * zod without eval: the page's Content-Security-Policy forbids it, and zod would otherwise probe for it when a
 * schema is built (a CSP violation in the console) and compile its object parsers with it. Imported before any
 * schema module, so it is set before the first schema exists.
 */
import { config } from 'zod';

config({ jitless: true });
