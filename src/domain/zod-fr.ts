import { z } from 'zod';

// Every validation message the platform emits is in French, whatever schema produced it.
z.config(z.locales.fr());

export { z };
