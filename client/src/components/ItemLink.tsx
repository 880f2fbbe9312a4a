import { Link } from 'react-router-dom';
import { encodeId } from '../core/api';

/** An item as lists link it: its label, then its title, to its page. */
export function ItemLink({ item }: { item: { id: string; label: string; title: string } }) {
  return (
    <Link to={`/items/${encodeId(item.id)}`} className="item-link">
      <span className="item-label">{item.label}</span>
      {item.title}
    </Link>
  );
}
