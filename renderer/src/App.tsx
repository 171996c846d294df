export function App() {
  return <main>Cabas</main>;
}
