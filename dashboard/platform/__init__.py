"""The application around the layers: settings, editors and sign-in, the upload workflow (check,
preview, commit), deck saving and seeding the sample. Uses every layer below; no Streamlit."""
