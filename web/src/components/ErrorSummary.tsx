import { useEffect, useRef } from 'react';
import { Alert } from '../ui/index.ts';

/**
 * What the server refused, at the top of a form and focused when it appears, each line leading to its
 * field (RGAA: errors summarised). Without field messages, the server's message alone.
 */
export function ErrorSummary({
  title,
  errors,
  message,
  describe,
  href,
}: {
  title: string;
  /** Server messages by field path, as the 400 `champs` gives them. */
  errors: Record<string, string>;
  message: string;
  describe: (path: string) => string;
  href: (path: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const paths = Object.keys(errors);
  return (
    <div ref={box} tabIndex={-1} role="alert" className="u-mb-3">
      <Alert
        severity="error"
        title={title}
        description={
          paths.length === 0 ? (
            message
          ) : (
            <ul>
              {paths.map((path) => (
                <li key={path}>
                  <a href={href(path)}>
                    {describe(path)} : {errors[path]}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      />
    </div>
  );
}
