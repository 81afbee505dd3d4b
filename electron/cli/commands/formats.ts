import type { Command } from 'commander';
import { presets } from '../../../shared/domain/import/registry';
import { formatDto } from '../../backend/importer/dto';
import type { CliIo } from '../io';

export function registerFormats(program: Command, io: CliIo): void {
  program
    .command('formats')
    .description('list the marketplace export formats `torihiki import` recognises')
    .option('--json', 'print one JSON object: {"formats": [...]}')
    .action((opts: { json?: boolean }) => {
      const formats = presets.map(formatDto);
      if (opts.json) {
        io.out(JSON.stringify({ formats }));
        return;
      }
      for (const f of formats) {
        io.out(`${f.id.padEnd(20)} ${f.name.ja}  /  ${f.name.en}`);
        io.out(`${''.padEnd(20)} ${f.encoding}, ${f.delimiter}, one deal per ${f.groupedBy}`);
        for (const file of f.files) {
          io.out(
            `${''.padEnd(20)} ${f.files.length > 1 ? `${file.role}: ` : ''}needs ${file.requiredColumns.join(', ')}`,
          );
        }
      }
    });
}
